import '../../zod-jitless';
import { render } from 'preact';
import { AppointmentPage } from '../../pages/printable/AppointmentPage';
import { printableCss } from '../../pages/printable/styles';

const style = document.createElement('style');
style.textContent = printableCss;
document.head.append(style);
render(<AppointmentPage />, document.getElementById('app')!);
