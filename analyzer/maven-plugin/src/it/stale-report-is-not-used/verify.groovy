// The build failed (invoker.properties); here: check analysed again instead of trusting reports/ from an earlier build.
String log = new File(basedir, 'build.log').text
assert log.count('Analysed stale-report-is-not-used: ') == 1: 'check did not analyse'
assert log.contains('src/main/java/shop/cart/CartService.java:24: new dependency lines -> orders: CartService -> OrderService (CALL)')
assert new File(basedir, 'reports/decomposition.json').text != new File(basedir, 'strangler-baseline.json').text: 'reports/ was not rewritten'
return true
