using System;
using System.Threading;

namespace Commerce.Sdk
{
    /// <summary>
    /// Runs game callbacks on the game's <see cref="SynchronizationContext"/> (Unity's main thread),
    /// in the order they were raised, or inline when the game gave none. An inline handler that
    /// throws does not break the SDK's loop: the exception is reported instead.
    /// </summary>
    internal sealed class CallbackDispatcher
    {
        private readonly SynchronizationContext? _context;

        public CallbackDispatcher(SynchronizationContext? context)
        {
            _context = context;
        }

        public void Raise<T>(Action<T>? handler, T argument, Action<Exception>? onHandlerError)
        {
            if (handler == null)
            {
                return;
            }

            if (_context != null)
            {
                // Exceptions surface in the game's context (Unity logs them to the console).
                _context.Post(_ => handler(argument), null);
                return;
            }

            try
            {
                handler(argument);
            }
            catch (Exception e)
            {
                if (onHandlerError != null)
                {
                    try
                    {
                        onHandlerError(e);
                    }
                    catch (Exception)
                    {
                        // An error handler that throws has nowhere left to report to.
                    }
                }
            }
        }
    }
}
