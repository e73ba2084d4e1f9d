/** The corpus's exercises as a module for `pymemlab grade --exercises` (hostile-resume.test.ts). */
export { EXERCISES as exercises } from './hostile-corpus';
