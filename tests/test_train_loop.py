"""The learning loop on CPU: rewards of good, partial, corrupted and physically broken worlds (with a
tiny random CLIP), and one self-improvement round with a tiny random LLaVA the test builds on a pool
of a procedural world and corrupted ones: selection, LoRA steps, the adapter back in ``hf:``, resume
after a crash; ``train export``."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")

from omni_generalist import Settings  # noqa: E402
from omni_generalist.actions.log import ActionLog  # noqa: E402
from omni_generalist.config import TrainConfig  # noqa: E402
from omni_generalist.policy import make_policy  # noqa: E402
from omni_generalist.policy.procedural import ProceduralPolicy  # noqa: E402
from omni_generalist.policy.procedural.parse import parse_prompt  # noqa: E402
from omni_generalist.policy.script import ScriptPolicy  # noqa: E402
from omni_generalist.policy.vlm import system_prompt  # noqa: E402
from omni_generalist.train.lora import encode, mean_loss  # noqa: E402
from omni_generalist.train.self_improve import SelfImproveConfig, SelfImprover, select  # noqa: E402
from omni_generalist.train.trajectories import read_records, sample_world  # noqa: E402
from omni_generalist.world.layout import object_prims  # noqa: E402

from .conftest import cli_in_process  # noqa: E402
from .tiny_vlm import build_llava  # noqa: E402

OFFICE = "a small office with a desk, a chair and a lamp on the desk"
BATH = "a bathroom with a bathtub, a toilet and a sink"
HELD = "a bedroom with a bed"


def _settings() -> Settings:
    s = Settings()
    s.generator.validate = False
    s.generator.preview = False
    s.generator.max_steps = 2
    s.generator.max_failures = 0
    s.policy.max_new_tokens = 8
    return s


def _plan_code(prompt: str) -> str:
    return f"print(apply_plan({parse_prompt(prompt).to_dict()!r}, seed=0))"


def _corrupted(root, name: str, code: str) -> None:
    log = ActionLog(prompt=OFFICE, seed=0)
    log.append(code)
    sample_world(OFFICE, root / name, ScriptPolicy(log, "corrupted"), 0, _settings())


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    """For the office prompt: two procedural worlds (good, seeds 0 and 1), the same world without its lamp (partial),
    a bathroom's plan (wrong) and an action that fails (broken: no world)."""
    root = tmp_path_factory.mktemp("pool")
    sample_world(OFFICE, root / "office_good", ProceduralPolicy(), 0, _settings())
    sample_world(OFFICE, root / "office_good1", ProceduralPolicy(), 1, _settings())
    # the plan, then every lamp on the desk removed (a plan without the lamp would get one back from the desk's dressing)
    _corrupted(root, "office_partial", _plan_code(OFFICE) + "\nfor o in list_objects():\n"
               "    if 'lamp' in o.labels and o.support.endswith('/desk_0'):\n        remove_object(o.name)")
    _corrupted(root, "office_wrong", _plan_code(BATH))
    _corrupted(root, "office_broken", "create_room(width=-3.0)")
    return root


@pytest.fixture(scope="module")
def tiny_vlm(tmp_path_factory):
    corpus = [system_prompt(), _plan_code(OFFICE), "```python\n\n```\nDONE"]
    return build_llava(tmp_path_factory.mktemp("models") / "tiny-llava", corpus)


def _config(tiny_vlm, pool, tmp_path, prompts) -> SelfImproveConfig:
    return SelfImproveConfig(model=tiny_vlm, prompts=prompts, out=tmp_path / "run", rounds=1, samples=1, pool=pool)


def _round_settings() -> Settings:
    s = _settings()
    s.train = TrainConfig(temperature=1.0, threshold=0.9, placement_records=1, lora_rank=4, lr=5e-3, epochs=2,
                          validate_physics=False)
    return s


def test_one_round_selects_the_good_trains_saves_and_resumes(tiny_vlm, pool, tmp_path):
    """One round, crashed while scoring and again right after training: each run goes on where the last stopped."""
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("\n".join(json.dumps(d) for d in ({"prompt": OFFICE}, {"prompt": HELD, "heldout": True})) + "\n")
    cfg = _config(tiny_vlm, pool, tmp_path, prompts)
    events = []

    def crash(event, data):
        events.append((event, data.get("id")))
        if len(events) == 3:
            raise RuntimeError("simulated crash")

    with pytest.raises(RuntimeError, match="simulated crash"):
        SelfImprover(cfg, _round_settings(), crash).run()
    first = [e for e in events]
    assert [e for e, _ in first] == ["candidate"] * 3 and not (cfg.out / "rounds.jsonl").exists()

    events.clear()

    def crash_after_training(event, data):
        events.append((event, data.get("id")))
        if event == "trained":
            raise RuntimeError("simulated crash after training")

    with pytest.raises(RuntimeError, match="after training"):
        SelfImprover(cfg, _round_settings(), crash_after_training).run()
    again = [i for e, i in events if e == "candidate"]
    # 5 pool worlds + 1 model sample; the 3 scored before the crash are not redone
    assert len(again) == 3 and not set(again) & {i for _, i in first}
    events.clear()
    rows = SelfImprover(cfg, _round_settings(), lambda e, d: events.append((e, d.get("id")))).run()
    assert [e for e, _ in events] == ["round"]  # nothing re-scored, the saved adapter not retrained
    (row,) = rows
    cands = [json.loads(x) for x in (cfg.out / "round_01" / "candidates.jsonl").read_text().splitlines()]
    rewards = {c["id"]: c["reward"]["total"] for c in cands}
    kind = {c["id"]: c["world"].split("office_")[-1].split("/")[0] if c["source"] == "pool" else "model"
            for c in cands}
    assert sorted(kind.values()) == ["broken", "good", "good1", "model", "partial", "wrong"]
    good = sorted(i for i, k in kind.items() if k.startswith("good"))
    # selection keeps the two good procedural worlds and nothing else (the random model builds nothing)
    assert row["selected_ids"] == good, rewards
    assert all(rewards[g] > r for g in good for i, r in rewards.items() if i not in good)
    assert all(rewards[i] == 0.0 for i, k in kind.items() if k in ("broken", "model"))
    # LoRA steps lower the loss on the selected records: each world's two steps (the plan, then DONE, which
    # sees the render of the room) and a point-predictor mark of a thing on a render of the desk top
    train = row["train"]
    assert train["records"] == 6 and train["placement_records"] == 2, train
    assert train["loss_after"] < train["loss_before"], train
    # the adapter is saved and loads back into the hf: policy, giving the trained model's loss
    adapter = cfg.out / "round_01" / "adapter"
    assert (adapter / "adapter_config.json").is_file() and row["policy"] == f"hf:{tiny_vlm}@{adapter}"
    policy = make_policy(f"hf:{tiny_vlm}@{adapter}", _settings().policy)
    assert type(policy.backend.model).__name__.startswith("Peft")
    records = [r for f in ("selected.jsonl", "placement.jsonl") for r in read_records(cfg.out / "round_01" / f)]
    asked = [r["messages"][0]["content"][0]["text"] for r in records[4:]]
    assert all("top of desk_0" in a and "can stand" in a for a in asked), asked
    batches = [encode(policy.backend, r, cfg.out / "round_01") for r in records]
    assert [("pixel_values" in b) for b in batches] == [False, True] * 2 + [True] * 2  # step 0 has no room: no render
    assert mean_loss(policy.backend.model, batches) == pytest.approx(train["loss_after"], rel=1e-3)
    base = make_policy(f"hf:{tiny_vlm}", _settings().policy)
    assert mean_loss(base.backend.model, batches) == pytest.approx(train["loss_before"], rel=1e-3)
    # the held-out prompt was evaluated, the round logged and plotted; a third run does nothing
    assert row["heldout"]["n"] == 1 and (cfg.out / "rewards.png").stat().st_size > 1000
    events.clear()
    assert SelfImprover(cfg, _round_settings(), lambda e, d: events.append(e)).run() == rows and not events


def test_selection_rule():
    c = [{"id": "a", "prompt": "p", "reward": {"total": 0.5}}, {"id": "b", "prompt": "p", "reward": {"total": 0.9}},
         {"id": "c", "prompt": "p", "reward": {"total": 0.8}}, {"id": "d", "prompt": "q", "reward": {"total": 0.0}},
         {"id": "e", "prompt": "r", "reward": {"total": 0.3}}]
    assert [x["id"] for x in select(c, 0.75, 1)] == ["b", "c", "e"]
    assert [x["id"] for x in select(c, 0.95, 2)] == ["b", "c", "e"]


def test_export_replays_a_world_into_chat_records(pool, tmp_path, capsys):
    world = tmp_path / "w"
    shutil.copytree(pool / "office_good" / "world", world)  # no episode.json: the export replays actions.py
    status, err = cli_in_process(capsys, "train", "export", str(world), "--out", str(tmp_path / "ds"),
                                 "--set", "train.placement_records=2")
    assert status == 0 and "1 episodes, 2 records, 2 placement records" in err, err
    marks = read_records(tmp_path / "ds" / "placement.jsonl")
    assert len(marks) == 2 and all("top of desk_0" in m["messages"][0]["content"][0]["text"]
                                   and (tmp_path / "ds" / m["image"]).is_file() for m in marks)
    recs = read_records(tmp_path / "ds" / "episodes.jsonl")
    assert [r["step"] for r in recs] == [0, 1] and recs[0]["prompt"] == OFFICE
    first, last = recs
    assert first["messages"][0]["role"] == "system" and first["messages"][-1]["content"].startswith("```python\n")
    assert "apply_plan(" in first["messages"][-1]["content"] and first["image"] is None and first["ok"]
    assert last["messages"][-1]["content"] == "DONE" and (tmp_path / "ds" / last["image"]).is_file()
    assert "# action 1 (ok)" in last["messages"][1]["content"][0]["text"]
    # a folder holding no world is refused in one line
    status, err = cli_in_process(capsys, "train", "export", str(tmp_path / "nothing"), "--out", str(tmp_path / "x"))
    assert status == 2 and "does not exist" in err


# ------------------------------------------------------------------------------ rewards

def _reward(folder, **kw):
    from omni_generalist.train.rewards import world_reward
    from omni_generalist.train.trajectories import world_dir

    return world_reward(world_dir(folder), OFFICE, TrainConfig(**kw))


def test_more_of_the_prompt_met_scores_higher(pool):
    good, partial, wrong, broken = (_reward(pool / f"office_{k}", validate_physics=False)
                                    for k in ("good", "partial", "wrong", "broken"))
    assert good.terms["alignment"] == 1.0 and partial.terms["alignment"] == pytest.approx(2 / 3)
    assert wrong.terms["alignment"] == 0.0 and broken.total == 0.0 and broken.detail == {"error": "no world"}
    assert good.total > partial.total > wrong.total >= broken.total
    assert partial.detail["alignment"]["missed"] == [["lamp"]]


def test_broken_physics_scores_lower(pool, tmp_path):
    from pxr import Gf, Usd, UsdGeom

    fine = tmp_path / "fine"
    shutil.copytree(pool / "office_good" / "world", fine)
    broken = tmp_path / "broken"
    shutil.copytree(fine, broken)
    stage = Usd.Stage.Open(str(broken / "world.usd"))
    desk = next(p for p in object_prims(stage) if p.GetName() == "desk_0")
    op = next(o for o in UsdGeom.Xformable(desk).GetOrderedXformOps() if o.GetOpType() == UsdGeom.XformOp.TypeTranslate)
    op.Set(op.Get() + Gf.Vec3d(0.0, 0.0, 0.6))  # the desk (and the lamp on it) hang in the air
    stage.GetRootLayer().Save()
    a, b = _reward(fine), _reward(broken)
    assert a.terms["alignment"] == b.terms["alignment"] == 1.0
    assert a.terms["physics"] > b.terms["physics"] and a.total > b.total, (a.detail, b.detail)


def test_clip_term_with_a_tiny_random_clip(pool, tmp_path):
    from omni_generalist.train.clip_score import clip_score

    from .tiny_vlm import build_clip

    ckpt = build_clip(tmp_path / "clip", [OFFICE, BATH, "a room"])
    png = (pool / "office_good" / "episode" / "step_001.png").read_bytes()
    s1, s2 = clip_score(png, OFFICE, ckpt), clip_score(png, BATH, ckpt)
    assert 0.0 <= s1 <= 1.0 and s1 == clip_score(png, OFFICE, ckpt) and s1 != s2
    world = tmp_path / "w"
    shutil.copytree(pool / "office_good" / "world", world)
    (world / "preview.png").write_bytes(png)
    r = _reward(world, validate_physics=False, clip=str(ckpt))
    assert r.terms["clip"] == pytest.approx(s1)
    assert set(r.terms) == {"alignment", "arrangement", "clip"}


def test_self_improve_refuses_bad_input_in_one_line(tiny_vlm, tmp_path, capsys):
    status, err = cli_in_process(capsys, "train", "self-improve", "--model", str(tmp_path / "none"), "--prompts",
                       str(tmp_path / "p.txt"), "--out", str(tmp_path / "run"))
    assert status == 2 and "does not exist" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "p.txt").write_text("# only a comment\n")
    status, err = cli_in_process(capsys, "train", "self-improve", "--model", str(tiny_vlm), "--prompts", str(tmp_path / "p.txt"),
                       "--out", str(tmp_path / "run"), "--rounds", "1")
    assert status == 2 and "holds no prompt" in err
    status, err = cli_in_process(capsys, "train", "self-improve", "--model", str(tiny_vlm), "--prompts", str(tmp_path / "p.txt"),
                       "--out", str(tmp_path / "run"), "--set", "train.lora_rank=0")
    assert status == 2 and "--lora-rank must be at least 1, got 0" in err
    status, err = cli_in_process(capsys, "generate", "a bedroom", "--policy", f"hf:{tiny_vlm}@{tmp_path}", "--out",
                       str(tmp_path / "w"))
    assert status == 2 and "is not a LoRA adapter folder" in err


def test_point_predictor_learns_from_procedural_placements(tiny_vlm, tmp_path):
    """The VLM as the asset-level placer: LoRA on the pixels of procedural placements (asked on a render of
    the table) lowers the loss; the model's marks (or, when unusable, free spots) give a layout without
    overlaps, whose things physics settles where they were put."""
    import random

    from omni_generalist.actions.api import ActionAPI
    from omni_generalist.train.lora import attach_lora, train_lora
    from omni_generalist.train.placement import dense_layout, surfaces_of
    from omni_generalist.train.point_predictor import TopCamera, learned_layout, point_records, surface_png
    from omni_generalist.world.geometry import Footprint, footprints_overlap
    from omni_generalist.world.stage import new_stage

    api = ActionAPI(new_stage(), random.Random(0))
    api.create_room(width=4.0, depth=4.0)
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), center=True)
    (top,) = surfaces_of(api.get_object("table_0"))
    sizes = [(0.08, 0.08, 0.1)] * 6
    (tmp_path / "top.png").write_bytes(surface_png(api.stage, TopCamera(top)))  # what the model looks at
    records = point_records(TopCamera(top), ["cup"] * 6, dense_layout(top, sizes, random.Random(2)), "top.png")
    backend = make_policy(f"hf:{tiny_vlm}", _settings().policy).backend
    batches = [encode(backend, r, tmp_path) for r in records]
    assert all("pixel_values" in b for b in batches)
    cfg = TrainConfig(lora_rank=4, lr=5e-3, epochs=3)
    model = attach_lora(backend, cfg)
    before = mean_loss(model, batches)
    train_lora(model, batches, cfg)
    assert mean_loss(model, batches) < before
    backend.model = model
    poses, chosen = learned_layout(backend, top, ["cup"] * 6, sizes, random.Random(0),
                                   (tmp_path / "top.png").read_bytes())
    fps = [Footprint(x, y, 0.08, 0.08, 0.0) for x, y, _, _ in poses]
    assert 0 <= chosen <= 6 and all(abs(z - top.top) < 1e-9 for _, _, z, _ in poses)
    assert not any(footprints_overlap(a, b) for i, a in enumerate(fps) for b in fps[i + 1:])
    # the layout becomes action code, the things go there and physics settles them
    pytest.importorskip("sapien")
    from omni_generalist.physics.authoring import author_physics
    from omni_generalist.physics.validate import validate_world
    from omni_generalist.train.placement import placement_code

    exec(placement_code(["cup"] * 6, sizes, poses), {"add_object": api.add_object})
    cups = api.list_objects("cup")
    assert len(cups) == 6 and all(c.support == api.get_object("table_0").path for c in cups)
    author_physics(api.stage)
    rep = validate_world(api.stage, joints=False, asset_rules=False)
    moved = {m.path: m.stable for m in rep.motions}
    assert all(moved[c.path] for c in cups) and not rep.of_kind("interpenetration"), rep.summary()


def test_lora_on_a_second_architecture_idefics3(tmp_path):
    """The same LoRA code on another vision-language class (Idefics3, SmolVLM's architecture): records with a
    render are encoded with its processor, the loss drops, and the adapter loads back through ``hf:PATH@ADAPTER``."""
    import random

    from omni_generalist.actions.api import ActionAPI
    from omni_generalist.train.lora import attach_lora, train_lora
    from omni_generalist.train.placement import dense_layout, surfaces_of
    from omni_generalist.train.point_predictor import TopCamera, point_records, surface_png
    from omni_generalist.world.stage import new_stage

    from .tiny_vlm import build_idefics3

    ckpt = build_idefics3(tmp_path / "tiny-idefics3", [system_prompt(), "0123456789 DONE"])
    api = ActionAPI(new_stage(), random.Random(0))
    api.create_room(width=4.0, depth=4.0)
    api.add_object("table", name="table_0", size=(1.2, 0.8, 0.75), center=True)
    (top,) = surfaces_of(api.get_object("table_0"))
    (tmp_path / "top.png").write_bytes(surface_png(api.stage, TopCamera(top)))
    records = point_records(TopCamera(top), ["cup"] * 3, dense_layout(top, [(0.08, 0.08, 0.1)] * 3, random.Random(2)),
                            "top.png")
    backend = make_policy(f"hf:{ckpt}", _settings().policy).backend
    assert type(backend.model).__name__ == "Idefics3ForConditionalGeneration" and backend.supports_images
    batches = [encode(backend, r, tmp_path) for r in records]
    assert all(b["pixel_values"].shape[-2:] == (32, 32) for b in batches)
    cfg = TrainConfig(lora_rank=4, lr=5e-3, epochs=3)
    model = attach_lora(backend, cfg)
    before = mean_loss(model, batches)
    train_lora(model, batches, cfg)
    after = mean_loss(model, batches)
    assert after < before
    model.save_pretrained(str(tmp_path / "adapter"))
    again = make_policy(f"hf:{ckpt}@{tmp_path / 'adapter'}", _settings().policy).backend
    assert mean_loss(again.model, batches) == pytest.approx(after, rel=1e-3)


def test_the_adapter_setting_loads_like_the_at_suffix(tiny_vlm, tmp_path):
    import peft

    from omni_generalist.policy.vlm.hf_backend import HFBackend

    backend = HFBackend(tiny_vlm)
    model = peft.get_peft_model(backend.model, peft.LoraConfig(r=2, target_modules="all-linear"))
    model.save_pretrained(str(tmp_path / "adapter"))
    s = _settings()
    s.policy.adapter = str(tmp_path / "adapter")
    policy = make_policy(f"hf:{tiny_vlm}", s.policy)
    assert policy.name == f"hf:{tiny_vlm}@{tmp_path / 'adapter'}"
    assert type(policy.backend.model).__name__.startswith("Peft")
