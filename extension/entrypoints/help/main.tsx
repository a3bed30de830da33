import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { HelpPage } from '../../pages/HelpPage';
import { pageCss } from '../../pages/pageStyles';

mountPage(HelpPage, pageCss);
