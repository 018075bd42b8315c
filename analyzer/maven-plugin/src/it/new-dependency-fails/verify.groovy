// The build failed (invoker.properties); here: it failed for the new dependency, named with its call site.
String log = new File(basedir, 'build.log').text
assert log.contains('coupling between candidate services got worse than'): 'the build did not fail for coupling'
assert log.contains('src/main/java/shop/cart/CartService.java:24: new dependency lines -> orders: CartService -> OrderService (CALL)')
assert log.contains('src/main/java/shop/cart/CartService.java:11: new dependency lines -> orders: CartService -> OrderService (FIELD)')
assert log.contains('MojoFailureException')
return true
