"""The ledger's bytes per entry in the layout of schema version 7 and of version 8, on SQLite, without
building Veta: the same row shapes as `bench_progress.py` (TRAINEES trainee registrations with their
registry data, TRAINEES enrolments, ENTRIES evidence rows with the same generator), written to the
tables `ledger`, `ledger_name` (and `ledger_detail` for v8) with their indexes, then VACUUMed and
measured with `dbstat`. It leaves out the projection tables (`trainee` and the rest) and the curricula.

Usage: python3 Tests/bench/ledger_layout_sim.py TRAINEES ENTRIES v7|v8   (writes /tmp/w9exp/VARIANT-TRAINEES.sqlite)
"""
import sqlite3, random, os, hashlib, sys
T=int(sys.argv[1]); E=int(sys.argv[2]); variant=sys.argv[3]
os.makedirs("/tmp/w9exp", exist_ok=True)
path=f"/tmp/w9exp/{variant}-{T}.sqlite"
if os.path.exists(path): os.remove(path)
db=sqlite3.connect(path)
db.execute("PRAGMA journal_mode=OFF"); db.execute("PRAGMA synchronous=OFF")
rec="serial TEXT, record_format TEXT, issuer_id TEXT, valid_from TEXT, valid_until TEXT, supersedes TEXT, superseded_by TEXT, checkpoint_size INTEGER, checkpoint_hash TEXT, issued_at TEXT, registry TEXT"
db.execute("CREATE TABLE ledger_name (id INTEGER PRIMARY KEY, role INTEGER NOT NULL, value TEXT NOT NULL, UNIQUE (role, value))")
if variant=="v7":
    db.executescript(f"""CREATE TABLE ledger(sequence INTEGER PRIMARY KEY, kind INTEGER NOT NULL, trainee INTEGER, curriculum_code INTEGER, curriculum_version INTEGER, unit INTEGER, target INTEGER, method INTEGER, outcome INTEGER, date INTEGER NOT NULL, site INTEGER, minutes INTEGER, note TEXT, attachment_sha256 BLOB, assessor INTEGER, corrects INTEGER, recorded_at INTEGER NOT NULL, hash BLOB NOT NULL, signature TEXT, derived_from INTEGER, {rec});""")
else:
    db.executescript(f"""CREATE TABLE ledger(sequence INTEGER PRIMARY KEY, kind INTEGER NOT NULL, trainee INTEGER, curriculum_code INTEGER, curriculum_version INTEGER, unit INTEGER, target INTEGER, method INTEGER, outcome INTEGER, date INTEGER NOT NULL, site INTEGER, minutes INTEGER, note TEXT, assessor INTEGER, recorded_at INTEGER NOT NULL, hash BLOB NOT NULL);
    CREATE TABLE ledger_detail(sequence INTEGER PRIMARY KEY, kind INTEGER NOT NULL, attachment_sha256 BLOB, corrects INTEGER, signature TEXT, derived_from INTEGER, {rec});""")
names={}; counters={}; nxt=[0]
def nid(role, value):
    k=(role,value)
    if k in names: return names[k]
    if variant=="v7":
        nxt[0]+=1; i=nxt[0]
    else:
        counters[role]=counters.get(role,0)+1; i=16*counters[role]+role
    names[k]=i; db.execute("INSERT INTO ledger_name VALUES (?,?,?)",(i,role,value)); return i
rng=random.Random(42); seq=0
def h(): return hashlib.sha256(str(seq).encode()).digest()
ra0=nid(8,"2026-11-30T10:00:00Z"); d0=nid(9,"2026-11-30")
for i in range(T):
    seq+=1
    reg='{"curp":"AAAA%06dHZSBBB04","employer":"MFR110315AB1","givenNames":"Nombre%d","jobTitle":"Operador","maternalSurname":"Materno%d","occupation":"Operador de camión","paternalSurname":"Apellido%d","subject":"T%06d"}'%(i,i%83,i%89,i%97,i)
    db.execute("INSERT INTO ledger(sequence,kind,date,recorded_at,hash) VALUES (?,10,?,?,?)",(seq,d0,ra0,h()))
    if variant=="v7": db.execute("UPDATE ledger SET registry=?, serial=NULL WHERE sequence=?",(reg,seq))
    else: db.execute("INSERT INTO ledger_detail(sequence,kind,registry) VALUES (?,10,?)",(seq,reg))
ra1=nid(8,"2026-11-30T10:01:00Z"); d1=nid(9,"2026-01-05")
for i in range(T):
    seq+=1
    db.execute("INSERT INTO ledger(sequence,kind,trainee,curriculum_code,curriculum_version,date,site,recorded_at,hash) VALUES (?,1,?,?,?,?,?,?,?)",
      (seq,nid(1,"T%06d"%i),nid(2,"VTOPHT"),nid(3,"1.0.0"),d1,nid(5,"Mina Saucito"),ra1,h()))
ra2=nid(8,"2026-11-30T10:02:00Z")
for r in range(E):
    seq+=1
    unit=rng.randrange(8); target=rng.randrange(120)
    ins="INSERT INTO ledger(sequence,kind,trainee,curriculum_code,curriculum_version,unit,target,method,outcome,date,site,minutes,note,assessor,recorded_at,hash"
    vals=(seq,3,nid(1,"T%06d"%rng.randrange(T)),nid(2,"VTOPHT"),nid(3,"1.0.0"),nid(4,"U%d"%unit),nid(7,"criterion:%d"%target),rng.randrange(1,6),1 if rng.random()<.8 else 2,
          nid(9,"2026-%02d-%02d"%(rng.randrange(2,12),rng.randrange(1,29))),nid(5,"Mina Saucito"),90,f"row {r}",nid(6,"A01"),ra2,h())
    if variant=="v7":
        db.execute(ins+",attachment_sha256,corrects,signature,derived_from,serial,record_format,issuer_id,valid_from,valid_until,supersedes,superseded_by,checkpoint_size,checkpoint_hash,issued_at,registry) VALUES ("+",".join("?"*16)+",NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL)",vals)
    else:
        db.execute(ins+") VALUES ("+",".join("?"*16)+")",vals)
db.execute("CREATE INDEX ledger_by_trainee ON ledger(trainee)")
db.execute("CREATE INDEX ledger_by_kind ON ledger(kind, sequence) WHERE kind <> 3")
db.commit()
db.execute("VACUUM")
tot=0
for n,s in db.execute("select name, sum(pgsize) from dbstat group by name order by 2 desc"): print(n, s, round(s/seq,1)); tot+=s
print(variant, "entries", seq, "total B/entry", round(os.path.getsize(path)/seq,1))
