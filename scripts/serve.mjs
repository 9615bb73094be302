// Serves the production build (out/) on localhost: node scripts/serve.mjs [--port 3000] [--dir out]
import { startStaticServer } from './static-server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = opt('dir', 'out');
const port = Number(opt('port', process.env.PORT ?? 3000));

startStaticServer({ root, port })
  .then(() => console.log(`CISM & CISSP study is running at http://localhost:${port}/`))
  .catch((e) => {
    console.error(e.code === 'ENOENT' ? `No build found in ${root}/. Run "npm run build" first.` : e.message);
    process.exit(1);
  });
