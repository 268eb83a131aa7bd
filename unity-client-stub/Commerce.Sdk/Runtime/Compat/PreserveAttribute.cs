using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// Unity's managed code stripper keeps anything marked with an attribute named exactly
    /// <c>PreserveAttribute</c>, whatever its namespace, so the SDK carries its own and does not
    /// depend on UnityEngine.dll. The SDK uses no reflection; this only guards the types a game
    /// reaches through interfaces (transports) against High stripping.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct
        | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property
        | AttributeTargets.Interface, Inherited = false)]
    internal sealed class PreserveAttribute : Attribute
    {
    }
}
