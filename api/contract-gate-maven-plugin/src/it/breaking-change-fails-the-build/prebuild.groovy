// The project's files, made from the first released contract: the baseline as released, and the
// contract in the resources (so on the class path, where the goal looks when <current> is left out)
// with queue_id turned into a string.
def released = new File(contractBaselines, 'openapi-1.0.0.yaml')
def baselines = new File(basedir, 'src/main/contract-baseline')
baselines.mkdirs()
new File(baselines, 'openapi-1.0.0.yaml').bytes = released.bytes

def integer = '        queue_id:\n          type: integer\n          format: int32\n'
def text = released.getText('UTF-8')
if (!text.contains(integer)) {
    throw new IllegalStateException("openapi-1.0.0.yaml no longer has queue_id as written here: update this script")
}
def resources = new File(basedir, 'src/main/resources/io/offsetkit/api')
resources.mkdirs()
new File(resources, 'openapi.yaml').setText(text.replace(integer, '        queue_id:\n          type: string\n'), 'UTF-8')
return true
