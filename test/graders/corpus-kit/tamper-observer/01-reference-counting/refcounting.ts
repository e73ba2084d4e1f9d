// Never frees anything, and tries to make the observation say otherwise by patching what the
// observer uses to build and send it.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';

const attempts: string[] = [];
const patch = (name: string, f: () => void) => {
  try {
    f();
    attempts.push(`${name}: patched`);
  } catch (error) {
    attempts.push(`${name}: ${String(error)}`);
  }
};
patch('JSON.stringify', () => {
  (JSON as { stringify: unknown }).stringify = () => '{"initial":null,"steps":[],"fault":null}';
});
patch('Array.prototype.map', () => {
  Array.prototype.map = function () {
    return [];
  };
});
patch('Object.keys', () => {
  Object.keys = () => [];
});

export const createRefCounting: CreateRefCounting = (api) => ({
  incref: (op) => api.setRefcount(op, api.refcount(op) + 1),
  decref: (op) => api.setRefcount(op, Math.max(1, api.refcount(op) - 1)),
});
