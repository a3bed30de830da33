import '../../zod-jitless';
import { render } from 'preact';
import { PrivacyPage } from '../../pages/PrivacyPage';
import { pageCss } from '../../pages/pageStyles';

const style = document.createElement('style');
style.textContent = pageCss;
document.head.append(style);
render(<PrivacyPage />, document.getElementById('app')!);
