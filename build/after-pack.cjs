// electron-builder afterPack hook: flips the Electron fuses of the packaged binary, before any signing.
// A kiosk needs none of the features switched off here, and each is a way to run code in the app's name.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */
const path = require('node:path');

// @electron/fuses comes with electron-builder (app-builder-lib depends on it); resolve it from there.
const fusesPath = require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] });
const { flipFuses, FuseVersion, FuseV1Options } = require(fusesPath);

const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: false,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Checked on macOS and Windows; Linux has no embedded integrity data (yet), the fuse is harmless there.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The board loads from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

function executableOf(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

exports.FUSES = FUSES;
exports.default = async function afterPack(context) {
  const binary = executableOf(context);
  await flipFuses(binary, {
    ...FUSES,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */,
  });
  console.log(`  • flipped Electron fuses  file=${path.relative(process.cwd(), binary)}`);
};
