import '../../zod-jitless';
import { render } from 'preact';
import { RecordPage } from '../../pages/RecordPage';
import { pageCss } from '../../pages/pageStyles';
import { recordFormCss } from '../../pages/styles';

const style = document.createElement('style');
style.textContent = pageCss + recordFormCss;
document.head.append(style);
render(<RecordPage />, document.getElementById('app')!);
