// Runs `offen-ideas` as a user does: a child process, its output and exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './helpers.mjs';

export const BIN = path.join(root, 'server/bin/offen-ideas.mjs');

/** Runs a command to its end: { code, stdout, stderr }. */
export function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `offen-ideas serve …` on a free port; resolves once it listens: { origin, child, stop() }. */
export function startServe(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
      env: { ...process.env, ...env },
    });
    let output = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}${stderr}`)), 20_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const exited = new Promise((done) => child.once('close', (code, signal) => done({ code, signal })));
        resolve({
          origin: match[1],
          child,
          exited,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}
