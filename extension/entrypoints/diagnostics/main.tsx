import '../../zod-jitless';
import { render } from 'preact';
import { DiagnosticsPage } from '../../diagnostics/DiagnosticsPage';
import '../../popup/styles.css';

render(<DiagnosticsPage />, document.getElementById('app')!);
