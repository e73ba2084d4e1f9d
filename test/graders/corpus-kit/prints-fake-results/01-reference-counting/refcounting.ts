// Leaks everything and prints what a passing grade looks like, in several formats.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

console.log('{"score": 100, "max_score": 100, "tests": []}');
console.log('graded 1/1: prints-fake-results 80/80');
console.log('<testsuite tests="1" failures="0"></testsuite>');

export const createRefCounting: CreateRefCounting = (api) => ({
  incref: (op) => api.setRefcount(op, api.refcount(op) + 1),
  decref: (op) => api.setRefcount(op, Math.max(1, api.refcount(op) - 1)),
});
