import '../../zod-jitless';
import { render } from 'preact';
import { HelpPage } from '../../pages/HelpPage';
import { pageCss } from '../../pages/pageStyles';

const style = document.createElement('style');
style.textContent = pageCss;
document.head.append(style);
render(<HelpPage />, document.getElementById('app')!);
