import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr, so stdout stays the machine-readable result. */
export function progressBar(unit: string): SingleBar {
  return new SingleBar(
    {
      format: `{bar} {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
}
