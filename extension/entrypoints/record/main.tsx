import { render } from 'preact';
import { RecordPage } from '../../sync/ui/RecordPage';
import { pageCss } from '../../sync/ui/pageStyles';
import { recordFormCss } from '../../sync/ui/styles';

const style = document.createElement('style');
style.textContent = pageCss + recordFormCss;
document.head.append(style);
render(<RecordPage />, document.getElementById('app')!);
