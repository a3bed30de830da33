import '../../zod-jitless';
import { render } from 'preact';
import { ChecklistPage } from '../../pages/printable/ChecklistPage';
import { printableCss } from '../../pages/printable/styles';

const style = document.createElement('style');
style.textContent = printableCss;
document.head.append(style);
render(<ChecklistPage />, document.getElementById('app')!);
