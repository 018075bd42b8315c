// The build passed (the invoker checks that); here: the reports were written and the comparison found nothing new.
File reports = new File(basedir, 'target/strangler')
['decomposition.json', 'decomposition.md', 'decomposition.html'].each {
    assert new File(reports, it).isFile(): "strangler:analyze did not write target/strangler/$it"
}
String log = new File(basedir, 'build.log').text
assert log.contains('Compared with baseline strangler-baseline.json: 0 new cross-candidate dependencies, 0 removed'): 'no comparison in build.log'
assert log.contains('(unchanged)')
assert !log.contains('new dependency')
// check used the report analyze had just written instead of analysing again
assert log.count('Analysed passes-against-baseline: ') == 1
return true
