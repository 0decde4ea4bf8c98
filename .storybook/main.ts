import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The demo's sample data is served at /data/… so stories need no network.
  staticDirs: [{ from: '../demo/data', to: '/data' }],
  core: { disableTelemetry: true },
};

export default config;
