import { render } from 'preact';

render(<main><h1>Sổ tài khoản DVC</h1></main>, document.getElementById('app')!);
