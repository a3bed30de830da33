import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { AppointmentPage } from '../../pages/printable/AppointmentPage';
import { printableCss } from '../../pages/printable/styles';

mountPage(AppointmentPage, printableCss);
