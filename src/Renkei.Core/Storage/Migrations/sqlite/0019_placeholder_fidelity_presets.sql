-- 0019: PLACEHOLDER in branch fidelity-presets only, so that 0020 applies here (migrations are numbered without gaps). Drop this file when merging: the other helpers' 0019 takes its place.
SELECT 1;
