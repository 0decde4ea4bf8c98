// `npm run analyze` writes custom-elements.json from the JSDoc on the element classes (Lit support on).
export default {
  // The element classes, the files that define their tags and the base classes they inherit attributes from.
  globs: [
    'src/components/*/offen-*.component.ts',
    'src/components/*/offen-*.ts',
    'src/shared/offen-element.ts',
    'src/shared/source-element.ts',
  ],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.d.ts',
    'src/components/*/offen-*.styles.ts',
    'src/components/*/offen-*.strings.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer lists modules in the order the file system returns them, which differs between checkouts:
      // sorted by path, the manifest is the same on every machine and its stale check means what it says.
      name: 'offen-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
