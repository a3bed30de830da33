import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { OptionsPage } from '../../pages/OptionsPage';
import { pageCss } from '../../pages/pageStyles';
import { recordFormCss } from '../../pages/styles';

mountPage(OptionsPage, pageCss + recordFormCss);
