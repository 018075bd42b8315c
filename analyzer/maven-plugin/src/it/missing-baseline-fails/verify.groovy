// The build failed (invoker.properties); here: for the missing baseline, with the commands that create one.
String log = new File(basedir, 'build.log').text
assert log.contains('strangler: no baseline at '): 'the build did not fail for the missing baseline'
assert log.contains('strangler-baseline.json; create one from this build\'s report: mvn strangler:analyze, then cp ')
assert log.contains('target/strangler/decomposition.json'.replace('/', File.separator))
return true
