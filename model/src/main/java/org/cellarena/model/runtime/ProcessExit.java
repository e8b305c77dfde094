package org.cellarena.model.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Ends the process at once with a status, without C++ static destructors. The JVM's own exit runs libc's
 * {@code exit}, which destroys libtorch's statics while a thread of the engine (a step the grace could not wait
 * for, a cleaner freeing a tensor) may still use them: a SIGSEGV and an hs_err file. A stopping engine process has
 * nothing left to clean up that the kernel does not, so it leaves through {@code _exit}.
 */
final class ProcessExit {
  private ProcessExit() {}

  interface LibC extends Library {
    void _exit(int status);
  }

  static void now(int status) {
    System.out.flush();
    System.err.flush();
    try {
      Native.load("c", LibC.class)._exit(status);
    } catch (LinkageError | RuntimeException noLibc) { // not on a libc system: the JVM's own exit, destructors and all
      Runtime.getRuntime().halt(status);
    }
  }
}
