import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { RecordPage } from '../../pages/RecordPage';
import { pageCss } from '../../pages/pageStyles';
import { recordFormCss } from '../../pages/styles';

mountPage(RecordPage, pageCss + recordFormCss);
