namespace Dealix.Azure.Functions.Worker;

/// <summary>Base of every binding attribute.</summary>
public abstract class BindingAttribute : Attribute;

/// <summary>Base of the attributes that mark a function's trigger parameter (exactly one per function).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public abstract class TriggerBindingAttribute : BindingAttribute;

/// <summary>Base of the attributes that bind an input other than the trigger.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public abstract class InputBindingAttribute : BindingAttribute;
