/** The bundle baseline: the smallest React app, built by Vite like the board. */
import { createRoot } from 'react-dom/client';

function Hello() {
  return <h1>Hello</h1>;
}

createRoot(document.getElementById('root')!).render(<Hello />);
