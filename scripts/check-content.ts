// npm run check:content: every problem with file, field and reason; exits 1 on any error.
import { formatProblem } from '../src/domain/checks.ts';
import { runContentCheck } from '../integrations/content-checks.ts';

const problems = runContentCheck();
const errors = problems.filter((p) => p.severity === 'error');
for (const p of problems) console.log(`${p.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(p)}`);
console.log(`${errors.length} errors, ${problems.length - errors.length} warnings`);
process.exitCode = errors.length > 0 ? 1 : 0;
