import path from 'path';
import { gradeSubmission } from '../graders/grade';
import { kitExercises } from '../graders/kit-exercises';
import { DEFAULT_LIMITS } from '../graders/sandbox/pool';
(async () => {
  const submission = { name: 'correct', dir: path.join(__dirname, '..', 'examples', 'submissions', 'correct') };
  for (const e of kitExercises()) {
    const t = performance.now(); const c = process.cpuUsage();
    const g = await gradeSubmission(submission, [{ ...e, checks: e.checks.filter((k) => !process.env.ONLY || k.name === process.env.ONLY) }], { seed: 0, limits: DEFAULT_LIMITS });
    const u = process.cpuUsage(c);
    console.log(e.id, (performance.now() - t).toFixed(0), 'ms wall', ((u.user + u.system) / 1000).toFixed(0), 'ms grader cpu', g.score);
  }
})();
