import { render } from 'preact';
import { catalogue } from '../../../shared/catalogue';

function Popup() {
  return (
    <main>
      <h1>Trợ lý DVC</h1>
      <ul aria-label="Danh mục thủ tục">
        {catalogue.filter((p) => p.group !== 'X').map((p) => (
          <li key={p.id} data-procedure-id={p.id}>
            {p.officialName}
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
