// Imports the reference refcounting instead of writing one.
import type { CreateRefCounting } from 'pymemlab/exercises/01-reference-counting/api';
import { ReferenceRefCounting } from 'REFERENCE_FILE';

export const createRefCounting: CreateRefCounting = () => new (ReferenceRefCounting as never as new () => never)();
