// Exercise 8: pools and arenas. Read README.md first; `pymemlab hint 08` when stuck.
import type { Address, AllocatorView, CreateAllocator, OsApi } from 'pymemlab/exercises/08-pools-and-arenas/api';

const ALIGNMENT = 16;
const SMALL_REQUEST_THRESHOLD = 512;
const POOL_SIZE = 16 * 1024;
const ARENA_SIZE = 1024 * 1024;
const POOL_OVERHEAD = 48;

export const createAllocator: CreateAllocator = (os: OsApi) => {
  // TODO: your arena objects, pools, usedpools and usable_arenas live here.
  void POOL_OVERHEAD;

  return {
    malloc(nbytes: number): Address {
      // TODO: 1..512 bytes come from a pool of their size class; for now everything is a raw block.
      return os.rawMalloc(nbytes);
    },

    free(address: Address): void {
      // TODO: a block of one of your pools goes back on its pool's free list.
      if (address !== 0) os.rawFree(address);
    },

    realloc(address: Address, nbytes: number): Address {
      // TODO: CPython's rules (README.md): in place when the block still fits well, else move.
      const moved = os.rawMalloc(nbytes);
      if (address !== 0) os.rawFree(address);
      return moved;
    },

    view(): AllocatorView {
      // TODO: describe your arenas, pools and lists. This is the view of an allocator with no arena yet.
      return {
        maxarenas: 0,
        arenas: [],
        usableArenas: [],
        usedpools: Array.from({ length: SMALL_REQUEST_THRESHOLD / ALIGNMENT }, () => []),
        nfp2lasta: Array.from({ length: ARENA_SIZE / POOL_SIZE + 1 }, () => null),
      };
    },
  };
};
