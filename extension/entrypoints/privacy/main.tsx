import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { PrivacyPage } from '../../pages/PrivacyPage';
import { pageCss } from '../../pages/pageStyles';

mountPage(PrivacyPage, pageCss);
