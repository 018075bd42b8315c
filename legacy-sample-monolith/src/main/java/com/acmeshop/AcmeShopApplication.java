package com.acmeshop;

import com.acmeshop.config.ShopProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ShopProperties.class)
public class AcmeShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(AcmeShopApplication.class, args);
    }
}
