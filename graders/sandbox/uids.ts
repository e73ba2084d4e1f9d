/**
 * One unprivileged uid per running sandbox. When the grader is root, each child runs as a uid no
 * other child has at the same time, so a submission cannot signal (`process.kill(-1)`) or read the
 * files of another submission's sandbox: the kernel refuses signals across uids. The uids need no
 * entry in /etc/passwd; the range sits in Debian's reserved block (65000-65533) below nobody (65534).
 */
const FIRST_UID = 65100;
const LAST_UID = 65499;

const inUse = new Set<number>();

/** The lowest free uid of the range. */
export function acquireUid(): number {
  for (let uid = FIRST_UID; uid <= LAST_UID; uid++) {
    if (!inUse.has(uid)) {
      inUse.add(uid);
      return uid;
    }
  }
  throw new Error(`more than ${LAST_UID - FIRST_UID + 1} sandboxes at once`);
}

export function releaseUid(uid: number): void {
  inUse.delete(uid);
}
