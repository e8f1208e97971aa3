"""A tiny vision-language model (LLaVA: CLIP vision tower + 2-layer Llama), randomly initialised, no download.

Shared by ``test_hf_policy.py`` and the training tests: a byte-level BPE tokenizer trained on the
given corpus (the training tests use a larger vocabulary so that their records stay short), a
2-layer Llama, a LLaVA (CLIP vision tower + that Llama) and a CLIP.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = ("{% for m in messages %}<s>{{ m['role'] }}: {% if m['content'] is string %}{{ m['content'] }}"
            "{% else %}{% for p in m['content'] %}{% if p['type'] == 'image' %}<image>{% else %}{{ p['text'] }}"
            "{% endif %}{% endfor %}{% endif %}</s>\n{% endfor %}{% if add_generation_prompt %}<s>assistant: {% endif %}")
IMAGE = 32
PATCH = 8


IDEFICS3_TOKENS = {"fake_image_token": "<fake_token_around_image>", "global_image_token": "<global-img>",
                   "end_of_utterance_token": "<end_of_utterance>"}


def tokenizer(corpus: list[str], vocab: int = 3000, extra: dict[str, str] | None = None):
    """A byte-level BPE tokenizer trained on ``corpus`` with ``<pad> <s> </s> <image>`` (and ``extra`` special tokens)."""
    import transformers
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab, special_tokens=["<pad>", "<s>", "</s>", "<image>", *(extra or {}).values()],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(corpus, trainer)
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                                pad_token="<pad>", extra_special_tokens={"image_token": "<image>", **(extra or {})})
    fast.chat_template = TEMPLATE
    return fast


def _llama_config(tok):
    import transformers

    return transformers.LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                    num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=16384,
                                    bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                                    pad_token_id=tok.pad_token_id)


def build_llama(path: Path, corpus: list[str], vocab: int = 3000) -> Path:
    """Save a random tiny text-only Llama (2 layers, 32-d) with its tokenizer to ``path``."""
    import torch
    import transformers

    torch.manual_seed(0)
    tok = tokenizer(corpus, vocab)
    transformers.LlamaForCausalLM(_llama_config(tok)).save_pretrained(path)
    tok.save_pretrained(path)
    return path


def build_llava(path: Path, corpus: list[str], vocab: int = 3000) -> Path:
    """Save a random tiny LLaVA (1-layer CLIP vision tower, 2-layer Llama, 32-d) with its processor to ``path``."""
    import torch
    import transformers

    torch.manual_seed(0)
    tok = tokenizer(corpus, vocab)
    vision = transformers.CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                           num_attention_heads=2, image_size=IMAGE, patch_size=PATCH)
    cfg = transformers.LlavaConfig(vision_config=vision, text_config=_llama_config(tok),
                                   image_token_id=tok.convert_tokens_to_ids("<image>"),
                                   vision_feature_select_strategy="default", vision_feature_layer=-1)
    transformers.LlavaForConditionalGeneration(cfg).save_pretrained(path)
    images = transformers.CLIPImageProcessor(size={"shortest_edge": IMAGE}, crop_size={"height": IMAGE, "width": IMAGE})
    transformers.LlavaProcessor(image_processor=images, tokenizer=tok, patch_size=PATCH,
                                vision_feature_select_strategy="default", chat_template=TEMPLATE,
                                num_additional_image_tokens=1).save_pretrained(path)
    return path


def build_idefics3(path: Path, corpus: list[str], vocab: int = 3000) -> Path:
    """Save a random tiny Idefics3 (SmolVLM's architecture: a 1-layer SigLIP-style tower, pixel shuffle by 2,
    a 2-layer Llama; 32-d, 32×32 images in 8×8 patches, 4 image tokens, no tiling) with its processor."""
    import torch
    import transformers

    torch.manual_seed(0)
    tok = tokenizer(corpus, vocab, IDEFICS3_TOKENS)
    vision = {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 1, "num_attention_heads": 2,
              "image_size": IMAGE, "patch_size": PATCH}
    cfg = transformers.Idefics3Config(vision_config=vision, text_config=_llama_config(tok).to_dict(), scale_factor=2,
                                      image_token_id=tok.convert_tokens_to_ids("<image>"), pad_token_id=tok.pad_token_id)
    transformers.Idefics3ForConditionalGeneration(cfg).save_pretrained(path)
    images = transformers.Idefics3ImageProcessorPil(size={"longest_edge": IMAGE}, max_image_size={"longest_edge": IMAGE},
                                                    do_image_splitting=False)
    transformers.Idefics3Processor(image_processor=images, tokenizer=tok, image_seq_len=(IMAGE // PATCH // 2) ** 2,
                                   chat_template=TEMPLATE).save_pretrained(path)
    return path


def build_clip(path: Path, corpus: list[str]) -> Path:
    """Save a random tiny CLIP (text + vision towers), its tokenizer and image processor to ``path``."""
    import torch
    import transformers

    torch.manual_seed(0)
    tok = tokenizer(corpus, vocab=500)
    cfg = transformers.CLIPConfig(
        text_config={"vocab_size": len(tok), "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 1,
                     "num_attention_heads": 2, "max_position_embeddings": 64, "projection_dim": 16,
                     "bos_token_id": tok.bos_token_id, "eos_token_id": tok.eos_token_id,
                     "pad_token_id": tok.pad_token_id},
        vision_config={"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 1, "num_attention_heads": 2,
                       "image_size": IMAGE, "patch_size": PATCH, "projection_dim": 16},
        projection_dim=16)
    transformers.CLIPModel(cfg).save_pretrained(path)
    tok.save_pretrained(path)
    transformers.CLIPImageProcessor(size={"shortest_edge": IMAGE},
                                    crop_size={"height": IMAGE, "width": IMAGE}).save_pretrained(path)
    return path
