// The build failed at the gate, saying what changed and where, and wrote the report.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'offsetkit-contract-gate-maven-plugin:' + gateVersion + ':check (default) on project gateway',
    'Contract compatibility gate FAILED: openapi.yaml (info.version 1.0.0) breaks clients or servers written'
            + ' against the released baseline openapi-1.0.0.yaml (info.version 1.0.0): 1 breaking change',
    '1. field `queues[].queue_id` in the 200 response: type changed from integer (int32) to string',
    'at /components/schemas/ResetConsumeOffsetRespQueues/properties/queue_id',
].each { expected ->
    assert log.contains(expected): "build.log lacks: " + expected
}
def report = new File(basedir, 'target/contract-diff.md')
assert report.isFile(): "no report at " + report
assert report.getText('UTF-8').contains('## Breaking changes (1)')
return true
