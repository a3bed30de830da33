import '../../zod-jitless';
import { render } from 'preact';
import { App } from '../../popup/App';
import '../../popup/styles.css';

render(<App />, document.getElementById('app')!);
