import '../../zod-jitless';
import { mountPage } from '../../pages/mountPage';
import { pageCss } from '../../pages/pageStyles';
import { SnapshotPage } from '../../snapshot/SnapshotPage';

mountPage(SnapshotPage, pageCss);
