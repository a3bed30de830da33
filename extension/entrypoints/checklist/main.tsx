import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { ChecklistPage } from '../../pages/printable/ChecklistPage';
import { printableCss } from '../../pages/printable/styles';

mountPage(ChecklistPage, printableCss);
