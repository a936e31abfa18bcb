// Browser tests drive Debian's Chromium (playwright's own browser download cannot work
// here). Installs it with apt when missing, so `npm test` works on a brand-new machine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM}`);
} else {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (args: string[]) =>
    execFileSync(asRoot ? args[0]! : 'sudo', asRoot ? args.slice(1) : args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log('chromium not found: installing Debian’s chromium package (needs root or sudo)…');
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(CHROMIUM)) {
    console.error(`chromium is still missing at ${CHROMIUM}; install Debian's chromium package and retry`);
    process.exit(1);
  }
}
