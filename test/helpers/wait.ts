/**
 * Waits until `check` holds, polling every 25 ms (it may be async, e.g. asking a test server); throws `message`
 * after `timeout` ms. The default leaves room for a busy machine: a failing check still fails, only later.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  message = 'condition not met in time',
  timeout = 10_000,
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
