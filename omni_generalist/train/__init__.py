"""The learning loop (docs/training.md): trajectories, rewards, self-improvement, asset placement.

Modules: :mod:`.requirements` (what a prompt asks for, from the scene program), :mod:`.rewards`
(one score per world, documented weights), :mod:`.trajectories` (worlds → chat-format episodes),
:mod:`.lora` (LoRA fine-tuning with ``peft``), :mod:`.self_improve` (rounds of sample, score,
select, fine-tune, evaluate), :mod:`.placement` (dense small-object placement on support
surfaces). torch, transformers and peft are imported only inside the functions that need them.
"""
