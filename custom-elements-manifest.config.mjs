// `npm run analyze` writes custom-elements.json from the JSDoc on the element classes (Lit support on).
export default {
  globs: ['src/components/**/*.ts', 'src/shared/offen-element.ts', 'src/shared/source-element.ts', 'src/index.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
};
