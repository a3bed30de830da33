import { render } from 'preact';
import { OptionsPage } from '../../sync/ui/OptionsPage';
import { pageCss } from '../../sync/ui/pageStyles';
import { recordFormCss } from '../../sync/ui/styles';

const style = document.createElement('style');
style.textContent = pageCss + recordFormCss;
document.head.append(style);
render(<OptionsPage />, document.getElementById('app')!);
