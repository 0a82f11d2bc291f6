namespace PrecisionCloud.Hardware.Inventory;

/// <summary>What an accelerator is for, told from its PCI class code, vendor and device.</summary>
public enum AcceleratorKind
{
    /// <summary>A graphics or compute GPU (PCI class 03h).</summary>
    Gpu,

    /// <summary>A field-programmable gate array card (Xilinx/AMD, Intel/Altera and their PAC boards).</summary>
    Fpga,

    /// <summary>A SmartNIC or data processing unit (DPU/IPU) with its own cores, such as NVIDIA BlueField.</summary>
    SmartNic,

    /// <summary>A cryptography and compression offload engine, such as Intel QuickAssist (QAT).</summary>
    CryptoOffload,

    /// <summary>Another processing accelerator (PCI class 12h), for example an AI inference card.</summary>
    ProcessingAccelerator,
}
