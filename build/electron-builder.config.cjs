// electron-builder 26: `npm run dist` (all targets of this OS) or e.g. `npx electron-builder --config build/electron-builder.config.cjs --linux deb --arm64`.
// Main, preload and the board are bundled beforehand (npm run build), so the app needs no node_modules at run time.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.foyer.signage',
  productName: 'Foyer',
  copyright: 'Foyer contributors, MIT licence',
  directories: { output: 'release', buildResources: 'build' },
  files: ['package.json', 'out/electron/**', 'out/renderer/**', '!**/*.map', '!**/node_modules/**'],
  // Dependencies are bundled into out/: nothing to collect from node_modules, nothing to rebuild.
  npmRebuild: false,
  asar: true,
  // The embedded program stays a plain file beside the app, so a technician can read (or replace) it:
  // process.resourcesPath/data/program.json.
  extraResources: [{ from: 'data', to: 'data', filter: ['program.json', 'program.schema.json'] }],
  // Flips the Electron fuses (no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect, app only from the asar…).
  afterPack: './build/after-pack.cjs',
  electronLanguages: ['en-US'],
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    executableName: 'foyer',
    category: 'Utility',
    maintainer: 'Foyer <foyer@example.org>',
    synopsis: 'Conference signage: a now/next board for venue screens',
    description: 'Shows what is on now and next in each room, in the event time zone, on a kiosk screen.',
    desktop: { entry: { Name: 'Foyer', Comment: 'Conference signage board', StartupWMClass: 'Foyer' } },
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }], executableName: 'Foyer' },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true, runAfterFinish: false },
  publish: null,
};
