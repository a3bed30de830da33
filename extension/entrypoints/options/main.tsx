import '../../zod-jitless';
import { render } from 'preact';
import { OptionsPage } from '../../pages/OptionsPage';
import { pageCss } from '../../pages/pageStyles';
import { recordFormCss } from '../../pages/styles';

const style = document.createElement('style');
style.textContent = pageCss + recordFormCss;
document.head.append(style);
render(<OptionsPage />, document.getElementById('app')!);
